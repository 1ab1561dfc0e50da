module github.com/credlint/credlint/profileenv

go 1.25
