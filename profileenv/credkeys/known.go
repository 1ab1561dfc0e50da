package credkeys

// This file holds the classifier's knowledge as data: exact names, family
// prefixes and the token vocabularies the heuristic in tokens.go uses. Every
// exact name carries the reason it is here, with the tool or SDK that reads it;
// Explain returns that reason, and docs/credential-keys.md lists every entry
// (a test in docs_test.go keeps the two in step).
//
// Names and words are upper case: the built-in rules compare the upper-cased
// key, because a lower-case spelling (aws_profile, http_proxy) means the same
// variable to the tools that read it, or at least the same intent.

// knownCredentials are exact names that hold or select a credential but that
// the token heuristic cannot see (HOME, KUBECONFIG, GNUPGHOME), or that are
// important enough to pin regardless of the heuristic. Most are credential
// locators: swapping one between requests points another identity's code at
// this identity's credential store.
var knownCredentials = map[string]string{
	// Home and per-user directories: the default location of ~/.aws,
	// ~/.docker/config.json, ~/.kube/config, ~/.netrc, ~/.ssh, ~/.config/gh.
	"HOME":            "home directory locator: os.UserHomeDir; default root of ~/.aws, ~/.docker, ~/.kube, ~/.netrc, ~/.ssh",
	"USERPROFILE":     "home directory locator on Windows: os.UserHomeDir",
	"APPDATA":         "per-user config locator on Windows: os.UserConfigDir",
	"XDG_CONFIG_HOME": "per-user config locator: os.UserConfigDir; gh, git credentials, containers auth.json",
	"XDG_RUNTIME_DIR": "runtime dir locator: containers/image auth.json, ssh-agent and gpg-agent sockets",

	// Container, cluster and registry credential stores.
	"KUBECONFIG":           "cluster credentials locator: k8s.io/client-go clientcmd",
	"DOCKER_CONFIG":        "registry credentials locator: docker/cli config.Dir (config.json with auths)",
	"DOCKER_CERT_PATH":     "daemon client TLS key locator: docker/docker client.FromEnv",
	"DOCKER_AUTH_CONFIG":   "registry credentials as JSON: GitLab Runner",
	"REGISTRY_AUTH_FILE":   "registry credentials locator: containers/image (podman, skopeo, buildah)",
	"HELM_REGISTRY_CONFIG": "registry credentials locator: helm",

	// Cloud identity selectors and credential files outside the AWS_* family.
	"GOOGLE_APPLICATION_CREDENTIALS":     "service account key locator: golang.org/x/oauth2/google FindDefaultCredentials",
	"CLOUDSDK_CONFIG":                    "gcloud config dir locator (credentials.db, access_tokens.db)",
	"CLOUDSDK_ACTIVE_CONFIG_NAME":        "gcloud configuration selector (selects the active account)",
	"GOOGLE_IMPERSONATE_SERVICE_ACCOUNT": "identity selector: terraform-provider-google",
	"BOTO_CONFIG":                        "credentials file locator: boto, gsutil",
	"AZURE_CONFIG_DIR":                   "az CLI token cache locator: azure-cli, azidentity AzureCLICredential",
	"AZURE_CLIENT_ID":                    "identity selector: azidentity EnvironmentCredential, ManagedIdentityCredential, WorkloadIdentityCredential",
	"AZURE_TENANT_ID":                    "identity selector: azidentity EnvironmentCredential, WorkloadIdentityCredential",
	"AZURE_CLIENT_CERTIFICATE_PATH":      "client certificate and key locator: azidentity EnvironmentCredential",
	"OS_CLOUD":                           "clouds.yaml entry selector: openstacksdk, gophercloud",

	// Toolchain, VCS and package-manager credential locators.
	"NETRC":                 "credentials file locator: cmd/go (GOAUTH netrc), curl",
	"GOAUTH":                "module fetch authentication commands: cmd/go (Go 1.24+)",
	"GNUPGHOME":             "keyring locator: gpg",
	"SSH_AUTH_SOCK":         "ssh-agent socket (signs with the loaded keys): OpenSSH, golang.org/x/crypto/ssh/agent",
	"GH_CONFIG_DIR":         "hosts.yml with OAuth tokens locator: GitHub CLI",
	"NPM_CONFIG_USERCONFIG": ".npmrc with _authToken locator: npm",
	"TF_CLI_CONFIG_FILE":    "credentials blocks locator: terraform CLI",
	"KRB5CCNAME":            "Kerberos credential cache locator: MIT krb5, gokrb5",
	"KRB5_KTNAME":           "Kerberos keytab locator: MIT krb5",

	// Database client credential files.
	"PGPASSFILE":    "password file locator: libpq, jackc/pgx",
	"PGSERVICEFILE": "service file locator (may hold password): libpq, jackc/pgx",
	"PGSSLKEY":      "client private key locator: libpq, jackc/pgx",
}

// lookalikes are exact names that the heuristic or a wildcard in the README
// list would otherwise call credentials, and that hold nothing secret.
var lookalikes = map[string]string{
	// Shell state that merely looks like a password abbreviation.
	"PWD":    "current directory, set by the shell (not *_PWD)",
	"OLDPWD": "previous directory, set by the shell",

	// *_HOME names that point at an installed toolchain, not a per-user store.
	"JAVA_HOME":        "JDK install dir",
	"JRE_HOME":         "JRE install dir",
	"JDK_HOME":         "JDK install dir",
	"GRAALVM_HOME":     "GraalVM install dir",
	"ANDROID_HOME":     "Android SDK install dir",
	"ANDROID_NDK_HOME": "Android NDK install dir",
	"M2_HOME":          "Maven install dir",
	"MAVEN_HOME":       "Maven install dir",
	"GRADLE_HOME":      "Gradle install dir (GRADLE_USER_HOME is the per-user store)",
	"ANT_HOME":         "Ant install dir",
	"SCALA_HOME":       "Scala install dir",
	"SPARK_HOME":       "Spark install dir",
	"HADOOP_HOME":      "Hadoop install dir",
	"CATALINA_HOME":    "Tomcat install dir",
	"RUSTUP_HOME":      "Rust toolchains dir (CARGO_HOME holds credentials.toml)",
	"PNPM_HOME":        "pnpm global bin dir",
	"VOLTA_HOME":       "Volta toolchains dir",
	"XDG_CACHE_HOME":   "per-user cache dir: os.UserCacheDir; caches hold no credentials by the XDG convention",

	// A public value under a private-looking name.
	"GPG_KEY": "release-signing key fingerprint set by the official python Docker images",
}

// familyPrefixes are name prefixes whose whole family counts: the SDK resolves
// identity from all of them together, so a swapped region, endpoint or
// profile is as much a cross-identity leak as a swapped secret.
var familyPrefixes = []struct{ prefix, reason string }{
	{"AWS_", "AWS_* family: aws-sdk-go-v2/config resolves identity, region and endpoints from the whole family"},
}

// strongWords make a name a credential wherever they stand, unless a negator
// (quantifiers, suffixNegators) says the name describes the credential rather
// than holding it: SECRET, DB_PASSWORD, GITHUB_TOKEN, SENTRY_DSN, CI_JOB_JWT.
var strongWords = set(
	"SECRET", "SECRETS",
	"PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE",
	"CREDENTIAL", "CREDENTIALS", "CREDS",
	"TOKEN", "TOKENS",
	"APIKEY", "APIKEYS",
	"DSN",
	"JWT",
	"ASKPASS",  // GIT_ASKPASS, SSH_ASKPASS: a program that prints a password
	"KEYSTORE", // ANDROID_KEYSTORE, SIGNING_KEYSTORE: a file of private keys
)

// fusedSuffixes make a single token a credential when it ends with one of them
// after a non-empty prefix, for names written without separators:
// PGPASSWORD, NPMTOKEN, CLIENTSECRET, PGSSLKEY, OPENAIAPIKEY. KEY and PASS are
// deliberately absent, so MONKEY, TURNKEY, BYPASS and COMPASS stay out.
var fusedSuffixes = []string{
	"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "CREDENTIALS",
	"APIKEY", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY", "PRIVKEY", "MASTERKEY",
	"SIGNINGKEY", "AUTHKEY", "LICENSEKEY", "ENCRYPTIONKEY", "ENCKEY",
	"SSHKEY", "SSLKEY", "TLSKEY", "CLIENTKEY", "SESSIONKEY",
	"CONNSTR", "CONNSTRING", "CONNECTIONSTRING", // SQLCONNSTR_<name> on Azure App Service
}

// weakWords are credentials only as the head of a name: never the first
// token, and followed by nothing but locatorSuffixes. DB_PASS and
// MYSQL_PWD count; PWD, PASS_THROUGH, AUTH_URL and KEY_REPEAT_DELAY do not.
// KEY has more rules (nonSecretKeyKinds); HOME and PROFILE must be last.
var weakWords = set("KEY", "KEYS", "AUTH", "PASS", "PWD", "PW", "SALT")

// lastOnlyWords are like weakWords but must be the last token: GRADLE_USER_HOME,
// HF_HOME, OCI_CLI_PROFILE, DATABRICKS_CONFIG_PROFILE.
var lastOnlyWords = set("HOME", "PROFILE")

// locatorSuffixes may follow a weak head without changing what the name
// holds: the credential's ID, its file, its encoding. ACCESS_KEY_ID,
// TLS_KEY_FILE, SSH_PRIVATE_KEY_PATH, DOCKER_AUTH_CONFIG, SSH_AUTH_SOCK.
var locatorSuffixes = set(
	"ID", "IDS", "FILE", "FILES", "PATH", "PATHS", "DIR", "LOCATION",
	"DATA", "VALUE", "CONTENT", "CONTENTS", "STRING", "STR",
	"B64", "BASE64", "PEM", "DER", "JSON", "HEX", "RAW", "BASE",
	"CONFIG", "SOCK", "SOCKET", "SECRET", "ARN",
)

// locatingSuffixes, as the last word of a credential's name, say that its
// value is where the credential is, not the credential: a file, a directory
// or a socket path (the Docker and Kubernetes *_FILE convention for mounted
// secrets, AWS_WEB_IDENTITY_TOKEN_FILE, AZURE_FEDERATED_TOKEN_FILE,
// SSH_PRIVATE_KEY_PATH, SSH_AUTH_SOCK): NamesPath.
// The other locatorSuffixes keep the credential itself, encoded (DATA,
// B64, PEM, JSON), identified (ID, ARN), or as configuration text: CONFIG
// is left out because DOCKER_AUTH_CONFIG holds the auth JSON itself.
var locatingSuffixes = set("FILE", "FILES", "PATH", "PATHS", "DIR", "LOCATION", "SOCK", "SOCKET")

// nonSecretKeyKinds, right before KEY, name a key that is not a secret: a
// public key, a lookup key, a key on a keyboard. STRIPE_PUBLISHABLE_KEY,
// RECAPTCHA_SITE_KEY, SUPABASE_ANON_KEY, CACHE_KEY, SORT_KEY, ROUTING_KEY.
var nonSecretKeyKinds = set(
	"PUBLIC", "PUB", "PUBLISHABLE", "SITE", "ANON",
	"SORT", "PARTITION", "RANGE", "HASH", "PRIMARY", "FOREIGN", "INDEX",
	"CACHE", "LOCK", "IDEMPOTENCY", "DEDUP", "DEDUPLICATION", "OBJECT",
	"ROUTING", "QUEUE", "STREAM", "MESSAGE", "EVENT", "GROUP", "MAP", "LOOKUP",
	"SHARD", "CURSOR", "METRIC", "LABEL", "TAG", "TRACE",
	"HOT", "SHORTCUT", "REPEAT", "KEYBOARD",
)

// profilingKinds, right before PROFILE, name a profiler output, not a
// credential profile: CPU_PROFILE, MEM_PROFILE.
var profilingKinds = set("CPU", "MEM", "MEMORY", "HEAP", "BLOCK", "MUTEX", "GOROUTINE", "TRACE", "PPROF", "PERF")

// quantifiers, before or after the head, make the name a setting about
// credentials: MAX_TOKENS, OPENAI_MAX_TOKENS, MYSQL_ALLOW_EMPTY_PASSWORD,
// HF_HUB_DISABLE_IMPLICIT_TOKEN, NEXT_PUBLIC_STRIPE_KEY.
var quantifiers = set(
	"MAX", "MIN", "NUM",
	"ALLOW", "ALLOWED", "EMPTY", "RANDOM", "GENERATE", "NO", "SKIP",
	"REQUIRE", "REQUIRED", "ENABLE", "ENABLED", "DISABLE", "DISABLED",
	"PUBLIC", "PUBLISHABLE",
)

// suffixNegators, after the head, make the name describe the credential
// rather than hold it: TOKEN_LIMIT, TOKEN_TTL, JWT_ALGORITHM,
// PASSWORD_MIN_LENGTH, OAUTH_TOKEN_URL, API_KEY_HEADER.
var suffixNegators = set(
	"LIMIT", "LIMITS", "COUNT", "SIZE", "LENGTH", "LEN",
	"TTL", "EXPIRY", "EXPIRES", "EXPIRE", "EXPIRATION", "LIFETIME",
	"TIMEOUT", "INTERVAL", "DURATION", "DELAY", "ROTATION", "RETRY", "RETRIES",
	"URL", "URLS", "URI", "URIS", "ENDPOINT", "HOST", "ADDR", "ADDRESS", "PORT", "REGION",
	"HEADER", "TYPE", "MODE", "METHOD", "FORMAT", "ALGORITHM", "ALGO", "ALG",
	"ISSUER", "AUDIENCE", "SCOPE", "SCOPES", "POLICY", "STRATEGY",
	"PARALLELISM", "PROMPT", "VERSION", "LEVEL",
)

// datastoreWords, anywhere before a final URL or URI, name a connection URL
// that conventionally carries user:password: DATABASE_URL,
// HEROKU_POSTGRESQL_RED_URL, REDIS_URL, MONGODB_URI, CELERY_BROKER_URL.
var datastoreWords = set(
	"DATABASE", "DB", "DATASOURCE", "POSTGRES", "POSTGRESQL", "PG", "MYSQL",
	"MARIADB", "MSSQL", "SQLSERVER", "JAWSDB", "CLEARDB",
	"REDIS", "REDISCLOUD", "REDISTOGO", "MONGO", "MONGODB",
	"AMQP", "CLOUDAMQP", "RABBITMQ", "BROKER",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
