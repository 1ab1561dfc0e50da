package tbsetenv
