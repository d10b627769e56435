extern int libval(void);
int get2(void){return libval();}
