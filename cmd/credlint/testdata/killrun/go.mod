module example.com/killrun

go 1.26.0
