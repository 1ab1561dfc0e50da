module example.com/plugintest

go 1.26.0
