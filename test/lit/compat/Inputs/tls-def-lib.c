__thread int ext_tls = 5;
