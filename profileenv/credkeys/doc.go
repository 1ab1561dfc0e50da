// Package credkeys decides whether an environment variable name is a
// credential key: a name whose value holds a secret or selects one. credlint
// reports reads of credential keys on concurrent paths, because a profile
// swap through the process environment hands one identity's credential to
// another's request.
//
// The package uses only the standard library. It lives in the module of the
// runtime shim (github.com/credlint/credlint/profileenv), which must stay free
// of dependencies, so that the analyzer and the shim share one set of rules:
// what credlint reports as a credential key is what profileenv refuses to
// take from the process environment for a profile.
//
// # Using it
//
//	rules, err := credkeys.Default().With([]string{"*_FULLNODE_URL"}, []string{"HOME"})
//	if err != nil { ... }            // a *PatternError naming the bad entry
//	rules.Classify("GITHUB_TOKEN")   // Credential
//	rules.Explain("TOKEN_LIMIT")     // NotCredential, "credential word TOKEN, qualified by LIMIT"
//
// A Rules value is immutable and safe for concurrent use. With adds a layer
// of exact names and path.Match patterns, matched case-sensitively: within
// one layer an exclude entry wins over an extra one, a later layer wins over
// an earlier one, and every layer wins over the defaults. The default rules
// compare the upper-cased name, because aws_profile means the same as
// AWS_PROFILE to the people who write it.
//
// # Default rules
//
// The rules are applied in this order; the first that decides wins. The
// tables live in known.go, and docs/credential-keys.md lists every entry.
//
//  1. Look-alikes: exact names that look like credentials but are not. PWD
//     and OLDPWD (shell state, unlike DB_PWD); toolchain install dirs that end
//     in _HOME (JAVA_HOME, ANDROID_HOME, GRADLE_HOME, RUSTUP_HOME, ...);
//     XDG_CACHE_HOME (caches hold no credentials); GPG_KEY (a public key
//     fingerprint set by the official python Docker images).
//
//  2. Known names, mostly credential locators, which the token rules cannot
//     see. HOME and USERPROFILE (os.UserHomeDir; the root of ~/.aws,
//     ~/.docker, ~/.kube, ~/.netrc and ~/.ssh), APPDATA and XDG_CONFIG_HOME
//     (os.UserConfigDir), XDG_RUNTIME_DIR (containers/image auth.json, agent
//     sockets), KUBECONFIG (client-go clientcmd), DOCKER_CONFIG (docker/cli
//     config.Dir), DOCKER_CERT_PATH, DOCKER_AUTH_CONFIG, REGISTRY_AUTH_FILE,
//     HELM_REGISTRY_CONFIG, GOOGLE_APPLICATION_CREDENTIALS
//     (golang.org/x/oauth2/google), CLOUDSDK_CONFIG and
//     CLOUDSDK_ACTIVE_CONFIG_NAME (gcloud), BOTO_CONFIG, AZURE_CONFIG_DIR,
//     AZURE_CLIENT_ID and AZURE_TENANT_ID (azidentity identity selectors),
//     AZURE_CLIENT_CERTIFICATE_PATH, OS_CLOUD (openstacksdk), NETRC and GOAUTH
//     (cmd/go), GNUPGHOME, SSH_AUTH_SOCK, GH_CONFIG_DIR, NPM_CONFIG_USERCONFIG,
//     TF_CLI_CONFIG_FILE, KRB5CCNAME, KRB5_KTNAME, PGPASSFILE, PGSERVICEFILE
//     and PGSSLKEY (libpq, pgx).
//
//  3. Families. Every AWS_* name counts, AWS_REGION included:
//     aws-sdk-go-v2/config (EnvConfig) resolves identity, region and
//     endpoints from the whole family, and the bug credlint exists for showed
//     up as a region leaking from one identity's request into another's.
//     That covers AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
//     AWS_PROFILE, AWS_DEFAULT_PROFILE, AWS_SHARED_CREDENTIALS_FILE,
//     AWS_CONFIG_FILE, AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN.
//
//  4. Tokens. The name is split into upper-case tokens at every character
//     that is not a letter or digit, and at camel-case humps in mixed-case
//     names (ORG_GRADLE_PROJECT_signingKey). Matching whole tokens, not
//     substrings, keeps MONKEY, AUTHOR, BYPASS, COMPASS, PASSIVE, SECRETARY and
//     TOKENIZERS out. Trailing digits are ignored (KEY1, CI_JOB_JWT_V2). A name
//     is a credential if some token is a head and no negator qualifies it:
//
//     Strong words are heads anywhere: SECRET, PASSWORD, PASSWD, PASSPHRASE,
//     CREDENTIAL(S), CREDS, TOKEN(S), APIKEY, DSN, JWT, ASKPASS, KEYSTORE. A
//     token that ends in one of the fused suffixes is a head too, for names
//     without separators: PGPASSWORD, NPMTOKEN, PGSSLKEY, SQLCONNSTR_<name>.
//
//     Weak words are heads only at the end of the name and never first: KEY,
//     AUTH, PASS, PWD, PW and SALT, followed by nothing but locator suffixes
//     (ID, FILE, PATH, DIR, JSON, PEM, B64, CONFIG, SOCK, ...). So OPENAI_API_KEY,
//     STRIPE_KEY, TLS_KEY_FILE, SSH_PRIVATE_KEY_PATH, DB_PASS, MYSQL_PWD,
//     REDISCLI_AUTH and BASIC_AUTH are credentials, while PWD, KEY_REPEAT_DELAY,
//     PASS_THROUGH, AUTH_URL and API_KEY_HEADER are not. KEY right after a
//     public or lookup kind (PUBLIC, PUBLISHABLE, SITE, ANON, CACHE, SORT,
//     PARTITION, ROUTING, ...) is not a secret key: STRIPE_PUBLISHABLE_KEY,
//     RECAPTCHA_SITE_KEY, CACHE_KEY.
//
//     HOME and PROFILE are heads only as the last token: *_HOME is a per-user
//     store (CARGO_HOME, GRADLE_USER_HOME, HF_HOME, PULUMI_HOME, XDG_DATA_HOME)
//     unless it is a listed install dir, and *_PROFILE selects a credential
//     profile (OCI_CLI_PROFILE, DATABRICKS_CONFIG_PROFILE) unless a profiler
//     word precedes it (CPU_PROFILE).
//
//     Phrases: a final URL or URI after a datastore word is a connection URL
//     that conventionally carries user:password (DATABASE_URL, *_DATABASE_URL,
//     REDIS_URL, MONGODB_URI, CELERY_BROKER_URL, SPRING_DATASOURCE_URL); so is
//     a webhook URL, which embeds its secret (SLACK_WEBHOOK_URL);
//     CONNECTION_STRING and ROLE_ARN are heads.
//
//     Negators turn a head into a setting about credentials. Quantifiers
//     count anywhere: MAX_TOKENS, MYSQL_ALLOW_EMPTY_PASSWORD,
//     HF_HUB_DISABLE_IMPLICIT_TOKEN, NEXT_PUBLIC_*_TOKEN. Suffix negators count
//     after the head: TOKEN_LIMIT, TOKEN_TTL, PASSWORD_MIN_LENGTH,
//     JWT_ALGORITHM, OAUTH_TOKEN_URL.
//
// # Deliberate choices
//
// User names are not credentials (PGUSER, DOCKER_USERNAME, AZURE_USERNAME):
// they identify but do not authenticate. Proxy variables (HTTP_PROXY,
// HTTPS_PROXY, NO_PROXY, ALL_PROXY) are not credentials although a proxy URL
// can carry user:password: they configure the process, not a tenant, and
// net/http reads them once per process (ProxyFromEnvironment caches its first
// answer), so a per-request swap does not work anyway. Endpoint URLs in general are not credentials
// (OPENAI_BASE_URL, VAULT_ADDR); only the datastore and webhook shapes above
// are. Projects whose names differ add them with -cred-keys and remove
// defaults with -not-cred-keys; see docs/credential-keys.md.
package credkeys
