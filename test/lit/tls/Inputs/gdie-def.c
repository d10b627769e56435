__thread long tv = 42;
