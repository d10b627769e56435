int libval(void){return 9;}
