package credkeys

import "strings"

// builtin applies the default rules: exact look-alikes, exact credential
// names, family prefixes, then the token heuristic. It compares upper-cased
// names, so aws_profile and AWS_PROFILE classify alike.
func builtin(key string) (Class, string) {
	u := strings.ToUpper(key)
	if why, ok := lookalikes[u]; ok {
		return NotCredential, "look-alike " + u + ": " + why
	}
	if why, ok := knownCredentials[u]; ok {
		return Credential, "known name " + u + ": " + why
	}
	for _, f := range familyPrefixes {
		if len(u) > len(f.prefix) && strings.HasPrefix(u, f.prefix) {
			return Credential, f.reason
		}
	}
	return classifyTokens(tokenize(key))
}

// classifyTokens finds the first head word (a token that makes the name a
// credential) that no negator qualifies. Only the first negated head is
// remembered, for Explain.
func classifyTokens(toks []string) (Class, string) {
	const none = "no credential word"
	why := none
	for i := range toks {
		head, veto := headReason(toks, i)
		if head == "" {
			if why == none && veto != "" {
				why = veto
			}
			continue
		}
		if neg := negator(toks, i); neg != "" {
			if why == none {
				why = head + ", qualified by " + neg
			}
			continue
		}
		return Credential, head
	}
	return NotCredential, why
}

// headReason reports why toks[i] makes the name a credential, or "" if it
// does not on its own (the negators are checked by the caller). For a word
// that would be a head but for a rule of its own, veto says which.
func headReason(toks []string, i int) (head, veto string) {
	t := toks[i]
	w := trimDigits(t)
	if w == "" {
		return "", "" // a numeric token, as in API_KEY_2
	}
	prev := ""
	if i > 0 {
		prev = trimDigits(toks[i-1])
	}
	last := i == len(toks)-1
	switch {
	case strongWords[t] || strongWords[w]:
		return "credential word " + w, ""
	case w == "URL" || w == "URI" || w == "URLS" || w == "URIS":
		if r := urlReason(toks, i, prev); r != "" {
			return r, ""
		}
	case (w == "STRING" || w == "STR") && (prev == "CONNECTION" || prev == "CONN"):
		return "connection string " + prev + "_" + w, ""
	case w == "ARN" && prev == "ROLE":
		return "role selector ROLE_ARN", ""
	case weakWords[w]:
		return weakReason(toks, i, w, prev)
	case lastOnlyWords[w]:
		if i > 0 && last && (w != "PROFILE" || !profilingKinds[prev]) {
			return "locator word " + w + " after " + prev, ""
		}
		return "", ""
	}
	for _, s := range fusedSuffixes {
		if strings.HasSuffix(w, s) {
			return "credential word " + s + " in " + w, ""
		}
	}
	return "", ""
}

// urlReason accepts a URL that embeds its secret: a webhook URL, or the
// connection URL of a datastore, followed only by locator suffixes
// (DATABASE_URL_FILE, for Docker-style secrets).
//
//	DATABASE_URL, HEROKU_POSTGRESQL_RED_URL, SLACK_WEBHOOK_URL
func urlReason(toks []string, i int, prev string) string {
	if !onlyLocators(toks[i+1:]) {
		return ""
	}
	if prev == "WEBHOOK" {
		return "webhook URL, which embeds its secret"
	}
	for _, t := range toks[:i] {
		if datastoreWords[t] || datastoreWords[trimDigits(t)] {
			return "connection URL for " + t + ", which conventionally carries user:password"
		}
	}
	return ""
}

// weakReason accepts KEY, AUTH, PASS, PWD, PW and SALT only as the head of
// the name: not first, and followed only by locator suffixes. KEY must not be
// a public or lookup key (nonSecretKeyKinds).
//
//	DB_PASS, MYSQL_PWD, REDISCLI_AUTH, STRIPE_KEY, TLS_KEY_FILE   credentials
//	PWD, PASS_THROUGH, AUTH_URL, KEY_REPEAT_DELAY, CACHE_KEY     not
func weakReason(toks []string, i int, w, prev string) (head, veto string) {
	if i == 0 || !onlyLocators(toks[i+1:]) {
		return "", ""
	}
	if (w == "KEY" || w == "KEYS") && nonSecretKeyKinds[prev] {
		return "", prev + "_" + w + " is not a secret key"
	}
	return "credential word " + w + " after " + prev, ""
}

func onlyLocators(toks []string) bool {
	for _, t := range toks {
		if w := trimDigits(t); w != "" && !locatorSuffixes[t] && !locatorSuffixes[w] {
			return false
		}
	}
	return true
}

// negator returns the token that makes the head at i a setting about a
// credential rather than the credential, or "".
func negator(toks []string, head int) string {
	for j, t := range toks {
		w := trimDigits(t)
		switch {
		case j == head || w == "":
		case quantifiers[t] || quantifiers[w]:
			return t
		case j > head && (suffixNegators[t] || suffixNegators[w]):
			return t
		}
	}
	return ""
}

// tokenize splits a name into upper-case tokens at every byte that is not an
// ASCII letter or digit, and, in names that mix cases, at camel-case humps:
//
//	ORG_GRADLE_PROJECT_signingKey  -> ORG GRADLE PROJECT SIGNING KEY
//	TF_TOKEN_app_terraform_io      -> TF TOKEN APP TERRAFORM IO
//	openaiAPIKey                   -> OPENAI API KEY
//
// Upper-case names without separators stay one token (PGPASSWORD); the
// fused-suffix rule handles them.
func tokenize(key string) []string {
	mixed := strings.ContainsAny(key, "abcdefghijklmnopqrstuvwxyz") &&
		strings.ContainsAny(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	var toks []string
	start := -1
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !isLetter(c) && !isDigit(c) {
			if start >= 0 {
				toks = append(toks, strings.ToUpper(key[start:i]))
				start = -1
			}
			continue
		}
		if start >= 0 && mixed && isUpper(c) && camelBreak(key, i) {
			toks = append(toks, strings.ToUpper(key[start:i]))
			start = -1
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, strings.ToUpper(key[start:]))
	}
	return toks
}

// camelBreak reports whether a token starts at the upper-case byte key[i]:
// after a lower-case letter (signingKey), or as the last capital of an
// acronym followed by a lower-case letter (APIKey -> API Key).
func camelBreak(key string, i int) bool {
	p := key[i-1]
	if isLower(p) {
		return true
	}
	return isUpper(p) && i+1 < len(key) && isLower(key[i+1])
}

// trimDigits drops trailing digits, so that KEY1, PASSWORD2 and CI_JOB_JWT_V2
// match their words. A numeric token trims to "".
func trimDigits(t string) string {
	return strings.TrimRight(t, "0123456789")
}

func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isUpper(c) || isLower(c) }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
