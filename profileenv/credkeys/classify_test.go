package credkeys

import "testing"

const (
	cred = Credential
	not  = NotCredential
)

// realNames are variable names read by widely used SDKs, tools and CI
// systems, each with the expected class under the default rules and where
// the name comes from. Look-alikes sit next to the credentials they resemble.
var realNames = []struct {
	key  string
	want Class
	src  string
}{
	// AWS: the whole AWS_* family counts (see doc.go).
	{"AWS_ACCESS_KEY_ID", cred, "aws-sdk-go-v2/config EnvConfig"},
	{"AWS_SECRET_ACCESS_KEY", cred, "aws-sdk-go-v2/config EnvConfig"},
	{"AWS_SESSION_TOKEN", cred, "aws-sdk-go-v2/config EnvConfig"},
	{"AWS_PROFILE", cred, "aws-sdk-go-v2/config EnvConfig: profile selector"},
	{"AWS_DEFAULT_PROFILE", cred, "aws CLI v1: profile selector"},
	{"AWS_SHARED_CREDENTIALS_FILE", cred, "aws-sdk-go-v2/config: credentials file locator"},
	{"AWS_CONFIG_FILE", cred, "aws-sdk-go-v2/config: config file locator"},
	{"AWS_WEB_IDENTITY_TOKEN_FILE", cred, "aws-sdk-go-v2/config: IRSA token locator"},
	{"AWS_ROLE_ARN", cred, "aws-sdk-go-v2/config: role selector"},
	{"AWS_ROLE_SESSION_NAME", cred, "aws-sdk-go-v2/config"},
	{"AWS_REGION", cred, "aws-sdk-go-v2/config; region leaking between identities (shared case 06)"},
	{"AWS_DEFAULT_REGION", cred, "aws CLI"},
	{"AWS_ENDPOINT_URL", cred, "aws-sdk-go-v2/config: endpoint override"},
	{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", cred, "ECS task role credentials endpoint"},
	{"AWS_CONTAINER_AUTHORIZATION_TOKEN", cred, "EKS Pod Identity"},
	{"AWS_SDK_LOAD_CONFIG", cred, "aws-sdk-go v1"},
	{"aws_access_key_id", cred, "lower-case spelling, same intent"},

	// Google Cloud.
	{"GOOGLE_APPLICATION_CREDENTIALS", cred, "golang.org/x/oauth2/google ADC"},
	{"GOOGLE_CREDENTIALS", cred, "terraform-provider-google"},
	{"GOOGLE_OAUTH_ACCESS_TOKEN", cred, "terraform-provider-google"},
	{"GOOGLE_IMPERSONATE_SERVICE_ACCOUNT", cred, "terraform-provider-google: identity selector"},
	{"CLOUDSDK_CONFIG", cred, "gcloud config dir"},
	{"CLOUDSDK_ACTIVE_CONFIG_NAME", cred, "gcloud configuration selector"},
	{"CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", cred, "gcloud"},
	{"GOOGLE_API_KEY", cred, "google-genai, Maps SDKs"},
	{"GEMINI_API_KEY", cred, "google-genai"},
	{"BOTO_CONFIG", cred, "gsutil credentials file"},
	{"GOOGLE_CLOUD_PROJECT", not, "google-cloud-go: project ID"},
	{"GCLOUD_PROJECT", not, "google-cloud libraries: project ID"},
	{"CLOUDSDK_CORE_PROJECT", not, "gcloud: project ID"},
	{"GCE_METADATA_HOST", not, "cloud.google.com/go/compute/metadata"},

	// Azure.
	{"AZURE_CLIENT_SECRET", cred, "azidentity EnvironmentCredential"},
	{"AZURE_CLIENT_ID", cred, "azidentity: identity selector"},
	{"AZURE_TENANT_ID", cred, "azidentity: identity selector"},
	{"AZURE_CLIENT_CERTIFICATE_PATH", cred, "azidentity EnvironmentCredential"},
	{"AZURE_CLIENT_CERTIFICATE_PASSWORD", cred, "azidentity EnvironmentCredential"},
	{"AZURE_PASSWORD", cred, "azidentity EnvironmentCredential"},
	{"AZURE_FEDERATED_TOKEN_FILE", cred, "azidentity WorkloadIdentityCredential"},
	{"AZURE_CONFIG_DIR", cred, "az CLI token cache"},
	{"AZURE_STORAGE_KEY", cred, "az CLI storage"},
	{"AZURE_STORAGE_CONNECTION_STRING", cred, "az CLI storage, Azure SDKs"},
	{"AZURE_STORAGE_SAS_TOKEN", cred, "az CLI storage"},
	{"ARM_CLIENT_SECRET", cred, "terraform-provider-azurerm"},
	{"SQLCONNSTR_ORDERS", cred, "Azure App Service connection string prefix"},
	{"AZURE_USERNAME", not, "azidentity: a user name, not a secret"},
	{"AZURE_AUTHORITY_HOST", not, "azidentity: endpoint"},
	{"AZURE_SUBSCRIPTION_ID", not, "az CLI, terraform: subscription, not identity"},

	// Other clouds.
	{"ALIBABA_CLOUD_ACCESS_KEY_ID", cred, "alibabacloud credentials"},
	{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", cred, "alibabacloud credentials"},
	{"OS_PASSWORD", cred, "OpenStack clients"},
	{"OS_CLOUD", cred, "openstacksdk clouds.yaml selector"},
	{"OS_APPLICATION_CREDENTIAL_SECRET", cred, "OpenStack clients"},
	{"OS_AUTH_URL", not, "OpenStack Keystone endpoint"},
	{"OS_USERNAME", not, "OpenStack user name"},
	{"DIGITALOCEAN_ACCESS_TOKEN", cred, "doctl, godo"},
	{"HCLOUD_TOKEN", cred, "hcloud CLI"},
	{"CLOUDFLARE_API_TOKEN", cred, "cloudflare-go, wrangler"},
	{"FLY_API_TOKEN", cred, "flyctl"},
	{"HEROKU_API_KEY", cred, "heroku CLI"},
	{"HEROKU_APP_NAME", not, "Heroku dyno metadata"},
	{"DYNO", not, "Heroku dyno name"},

	// AI SDKs.
	{"OPENAI_API_KEY", cred, "openai-go, openai-python"},
	{"OPENAI_ORG_ID", not, "openai-python: organization ID"},
	{"OPENAI_BASE_URL", not, "openai-go: endpoint"},
	{"ANTHROPIC_API_KEY", cred, "anthropic-sdk-go"},
	{"ANTHROPIC_AUTH_TOKEN", cred, "anthropic-sdk-python"},
	{"ANTHROPIC_BASE_URL", not, "anthropic-sdk-go: endpoint"},
	{"HF_TOKEN", cred, "huggingface_hub"},
	{"HUGGING_FACE_HUB_TOKEN", cred, "huggingface_hub (legacy)"},
	{"HF_HOME", cred, "huggingface_hub: holds the stored token"},
	{"TOKENIZERS_PARALLELISM", not, "huggingface tokenizers"},
	{"HF_HUB_DISABLE_IMPLICIT_TOKEN", not, "huggingface_hub boolean"},
	{"HF_HUB_OFFLINE", not, "huggingface_hub boolean"},
	{"TRANSFORMERS_CACHE", not, "transformers cache dir"},
	{"MISTRAL_API_KEY", cred, "mistralai client"},

	// GitHub, GitLab and other CI.
	{"GITHUB_TOKEN", cred, "GitHub Actions"},
	{"GH_TOKEN", cred, "GitHub CLI"},
	{"GH_ENTERPRISE_TOKEN", cred, "GitHub CLI"},
	{"GH_CONFIG_DIR", cred, "GitHub CLI hosts.yml locator"},
	{"ACTIONS_RUNTIME_TOKEN", cred, "GitHub Actions runner"},
	{"ACTIONS_ID_TOKEN_REQUEST_TOKEN", cred, "GitHub Actions OIDC"},
	{"ACTIONS_ID_TOKEN_REQUEST_URL", not, "GitHub Actions OIDC endpoint"},
	{"GITHUB_SHA", not, "GitHub Actions"},
	{"GITHUB_REF", not, "GitHub Actions"},
	{"GITHUB_REPOSITORY", not, "GitHub Actions"},
	{"GITHUB_ACTOR", not, "GitHub Actions"},
	{"GITHUB_WORKSPACE", not, "GitHub Actions"},
	{"GITHUB_EVENT_PATH", not, "GitHub Actions"},
	{"GITHUB_OUTPUT", not, "GitHub Actions"},
	{"GITHUB_RUN_ID", not, "GitHub Actions"},
	{"RUNNER_TEMP", not, "GitHub Actions"},
	{"GH_HOST", not, "GitHub CLI"},
	{"CI", not, "every CI system"},
	{"CI_JOB_TOKEN", cred, "GitLab CI"},
	{"CI_JOB_JWT_V2", cred, "GitLab CI"},
	{"CI_REGISTRY_PASSWORD", cred, "GitLab CI"},
	{"CI_DEPLOY_PASSWORD", cred, "GitLab CI"},
	{"GITLAB_TOKEN", cred, "glab, terraform-provider-gitlab"},
	{"GITLAB_PRIVATE_TOKEN", cred, "python-gitlab"},
	{"CI_REGISTRY_USER", not, "GitLab CI user name"},
	{"CI_COMMIT_SHA", not, "GitLab CI"},
	{"CI_PROJECT_DIR", not, "GitLab CI"},
	{"CI_PIPELINE_ID", not, "GitLab CI"},
	{"CI_SERVER_URL", not, "GitLab CI"},
	{"CIRCLE_TOKEN", cred, "CircleCI CLI"},
	{"CIRCLE_SHA1", not, "CircleCI"},
	{"BUILDKITE_AGENT_TOKEN", cred, "Buildkite agent"},
	{"BUILD_NUMBER", not, "Jenkins"},
	{"JENKINS_URL", not, "Jenkins"},
	{"CODECOV_TOKEN", cred, "codecov uploader"},
	{"SONAR_TOKEN", cred, "SonarScanner"},
	{"SONAR_HOST_URL", not, "SonarScanner endpoint"},
	{"SNYK_TOKEN", cred, "snyk CLI"},

	// Payments and messaging.
	{"STRIPE_API_KEY", cred, "stripe-cli"},
	{"STRIPE_SECRET_KEY", cred, "Stripe docs"},
	{"STRIPE_KEY", cred, "Laravel Cashier"},
	{"STRIPE_WEBHOOK_SECRET", cred, "Stripe docs"},
	{"STRIPE_PUBLISHABLE_KEY", not, "Stripe docs: meant for browsers"},
	{"TWILIO_AUTH_TOKEN", cred, "twilio-go"},
	{"TWILIO_API_KEY", cred, "twilio-go"},
	{"TWILIO_API_SECRET", cred, "twilio-go"},
	{"TWILIO_ACCOUNT_SID", not, "twilio-go: account identifier"},
	{"SLACK_BOT_TOKEN", cred, "Slack Bolt"},
	{"SLACK_APP_TOKEN", cred, "Slack Bolt socket mode"},
	{"SLACK_SIGNING_SECRET", cred, "Slack Bolt"},
	{"SLACK_WEBHOOK_URL", cred, "Slack incoming webhooks: the URL is the secret"},
	{"SLACK_CLIENT_ID", not, "Slack OAuth client identifier"},
	{"SENDGRID_API_KEY", cred, "sendgrid-go"},
	{"MAILGUN_API_KEY", cred, "mailgun-go"},
	{"MAILGUN_DOMAIN", not, "mailgun-go"},
	{"RECAPTCHA_SECRET_KEY", cred, "reCAPTCHA server key"},
	{"RECAPTCHA_SITE_KEY", not, "reCAPTCHA browser key"},
	{"SUPABASE_SERVICE_ROLE_KEY", cred, "Supabase"},
	{"SUPABASE_ANON_KEY", not, "Supabase: public key"},
	{"NEXT_PUBLIC_SUPABASE_ANON_KEY", not, "Next.js public env convention"},
	{"NEW_RELIC_LICENSE_KEY", cred, "newrelic go-agent"},

	// Containers, Kubernetes, infrastructure tools.
	{"DOCKER_CONFIG", cred, "docker/cli config.Dir"},
	{"DOCKER_CERT_PATH", cred, "docker client.FromEnv"},
	{"DOCKER_AUTH_CONFIG", cred, "GitLab Runner"},
	{"DOCKER_PASSWORD", cred, "docker login in CI"},
	{"DOCKER_HOST", not, "docker client.FromEnv: daemon address"},
	{"DOCKER_TLS_VERIFY", not, "docker client.FromEnv"},
	{"DOCKER_BUILDKIT", not, "docker CLI"},
	{"DOCKER_USERNAME", not, "docker login in CI: a user name"},
	{"REGISTRY_AUTH_FILE", cred, "containers/image"},
	{"KUBECONFIG", cred, "client-go clientcmd"},
	{"KUBERNETES_SERVICE_HOST", not, "client-go rest.InClusterConfig"},
	{"KUBERNETES_SERVICE_PORT", not, "client-go rest.InClusterConfig"},
	{"HELM_REGISTRY_CONFIG", cred, "helm"},
	{"HELM_CONFIG_HOME", cred, "helm: per-user config dir"},
	{"TF_TOKEN_app_terraform_io", cred, "terraform CLI host token"},
	{"TF_CLI_CONFIG_FILE", cred, "terraform CLI"},
	{"TFE_TOKEN", cred, "go-tfe"},
	{"TF_LOG", not, "terraform CLI"},
	{"TF_DATA_DIR", not, "terraform CLI"},
	{"TF_WORKSPACE", not, "terraform CLI"},
	{"VAULT_TOKEN", cred, "vault/api"},
	{"VAULT_CLIENT_KEY", cred, "vault/api TLS client key"},
	{"VAULT_ADDR", not, "vault/api"},
	{"VAULT_NAMESPACE", not, "vault/api"},
	{"VAULT_CACERT", not, "vault/api: CA bundle"},
	{"VAULT_SKIP_VERIFY", not, "vault/api"},
	{"CONSUL_HTTP_TOKEN", cred, "consul/api"},
	{"CONSUL_HTTP_ADDR", not, "consul/api"},
	{"NOMAD_TOKEN", cred, "nomad/api"},
	{"NOMAD_ADDR", not, "nomad/api"},
	{"PULUMI_ACCESS_TOKEN", cred, "pulumi CLI"},
	{"PULUMI_CONFIG_PASSPHRASE", cred, "pulumi CLI"},
	{"PULUMI_HOME", cred, "pulumi CLI: credentials.json"},
	{"SOPS_AGE_KEY", cred, "sops"},
	{"SOPS_AGE_KEY_FILE", cred, "sops"},
	{"COSIGN_PASSWORD", cred, "cosign"},
	{"COSIGN_PRIVATE_KEY", cred, "cosign"},
	{"ANSIBLE_VAULT_PASSWORD_FILE", cred, "ansible"},
	{"SENTRY_DSN", cred, "sentry-go"},
	{"SENTRY_AUTH_TOKEN", cred, "sentry-cli"},
	{"SENTRY_ENVIRONMENT", not, "sentry-go"},
	{"SENTRY_RELEASE", not, "sentry-go"},
	{"DD_API_KEY", cred, "datadog-agent"},
	{"DD_APP_KEY", cred, "datadog-api-client-go"},
	{"DD_SITE", not, "datadog-agent"},
	{"DD_AGENT_HOST", not, "dd-trace-go"},
	{"DD_TRACE_ENABLED", not, "dd-trace-go"},
	{"DD_SERVICE", not, "dd-trace-go"},

	// Databases.
	{"DATABASE_URL", cred, "Heroku, Rails, Prisma: carries user:password"},
	{"JDBC_DATABASE_URL", cred, "Heroku Java buildpack"},
	{"SQLALCHEMY_DATABASE_URI", cred, "Flask-SQLAlchemy"},
	{"HEROKU_POSTGRESQL_RED_URL", cred, "Heroku Postgres attachment"},
	{"REDIS_URL", cred, "Heroku Redis, Sidekiq: carries the password"},
	{"MONGODB_URI", cred, "MongoDB Atlas docs"},
	{"CLOUDAMQP_URL", cred, "CloudAMQP add-on"},
	{"CELERY_BROKER_URL", cred, "Celery"},
	{"SPRING_DATASOURCE_URL", cred, "Spring Boot"},
	{"SPRING_DATASOURCE_PASSWORD", cred, "Spring Boot"},
	{"SPRING_DATASOURCE_USERNAME", not, "Spring Boot: a user name"},
	{"PGPASSWORD", cred, "libpq, pgx"},
	{"PGPASSFILE", cred, "libpq, pgx"},
	{"PGSERVICEFILE", cred, "libpq, pgx"},
	{"PGSSLKEY", cred, "libpq, pgx"},
	{"PGUSER", not, "libpq: a user name"},
	{"PGHOST", not, "libpq"},
	{"PGPORT", not, "libpq"},
	{"PGDATABASE", not, "libpq"},
	{"PGSSLMODE", not, "libpq"},
	{"PGSSLROOTCERT", not, "libpq: CA certificate"},
	{"POSTGRES_PASSWORD", cred, "postgres Docker image"},
	{"POSTGRES_PASSWORD_FILE", cred, "postgres Docker image"},
	{"POSTGRES_USER", not, "postgres Docker image"},
	{"POSTGRES_DB", not, "postgres Docker image"},
	{"POSTGRES_HOST_AUTH_METHOD", not, "postgres Docker image"},
	{"MYSQL_PWD", cred, "mysql client"},
	{"MYSQL_ROOT_PASSWORD", cred, "mysql Docker image"},
	{"MYSQL_PASSWORD", cred, "mysql Docker image"},
	{"MYSQL_ALLOW_EMPTY_PASSWORD", not, "mysql Docker image boolean"},
	{"MYSQL_RANDOM_ROOT_PASSWORD", not, "mysql Docker image boolean"},
	{"MYSQL_HOST", not, "mysql client"},
	{"MYSQL_TCP_PORT", not, "mysql client"},
	{"MONGO_INITDB_ROOT_PASSWORD", cred, "mongo Docker image"},
	{"MONGO_INITDB_ROOT_USERNAME", not, "mongo Docker image"},
	{"REDIS_PASSWORD", cred, "bitnami redis image"},
	{"REDISCLI_AUTH", cred, "redis-cli"},
	{"REDIS_HOST", not, "common Redis client config"},
	{"REDIS_PORT", not, "common Redis client config"},

	// Package managers and language toolchains.
	{"NPM_TOKEN", cred, "npm CI docs"},
	{"NODE_AUTH_TOKEN", cred, "actions/setup-node"},
	{"NPM_CONFIG_USERCONFIG", cred, "npm: .npmrc locator"},
	{"npm_config__auth", cred, "npm: _auth config key"},
	{"NODE_ENV", not, "Node.js convention"},
	{"NODE_OPTIONS", not, "Node.js"},
	{"NPM_CONFIG_REGISTRY", not, "npm"},
	{"TWINE_PASSWORD", cred, "twine"},
	{"TWINE_USERNAME", not, "twine"},
	{"UV_PUBLISH_TOKEN", cred, "uv"},
	{"POETRY_PYPI_TOKEN_PYPI", cred, "poetry"},
	{"POETRY_HTTP_BASIC_PYPI_PASSWORD", cred, "poetry"},
	{"PYTHONPATH", not, "CPython"},
	{"VIRTUAL_ENV", not, "venv"},
	{"PYTHONUNBUFFERED", not, "CPython"},
	{"CARGO_REGISTRY_TOKEN", cred, "cargo"},
	{"CARGO_HOME", cred, "cargo: credentials.toml"},
	{"RUSTUP_HOME", not, "rustup toolchains"},
	{"GRADLE_USER_HOME", cred, "gradle: gradle.properties with credentials"},
	{"ORG_GRADLE_PROJECT_signingKey", cred, "gradle signing plugin"},
	{"ORG_GRADLE_PROJECT_signingPassword", cred, "gradle signing plugin"},
	{"GRADLE_HOME", not, "gradle install dir"},
	{"GRADLE_OPTS", not, "gradle"},
	{"JAVA_HOME", not, "JDK install dir"},
	{"ANDROID_HOME", not, "Android SDK install dir"},
	{"MAVEN_OPTS", not, "maven"},
	{"DJANGO_SECRET_KEY", cred, "Django deployments"},
	{"DJANGO_SETTINGS_MODULE", not, "Django"},
	{"SECRET_KEY_BASE", cred, "Rails"},
	{"RAILS_MASTER_KEY", cred, "Rails credentials"},
	{"RAILS_ENV", not, "Rails"},
	{"NEXTAUTH_SECRET", cred, "NextAuth.js"},
	{"NEXTAUTH_URL", not, "NextAuth.js"},
	{"AUTH_SALT", cred, "WordPress wp-config"},
	{"SECURE_AUTH_KEY", cred, "WordPress wp-config"},
	{"LOGGED_IN_KEY", cred, "WordPress wp-config"},

	// Go toolchain.
	{"GOAUTH", cred, "cmd/go module authentication"},
	{"NETRC", cred, "cmd/go, curl"},
	{"GOPATH", not, "cmd/go"},
	{"GOROOT", not, "cmd/go"},
	{"GOFLAGS", not, "cmd/go"},
	{"GOPROXY", not, "cmd/go"},
	{"GOPRIVATE", not, "cmd/go"},
	{"GONOSUMDB", not, "cmd/go"},
	{"GOOS", not, "cmd/go"},
	{"GOARCH", not, "cmd/go"},
	{"GOMAXPROCS", not, "runtime"},
	{"GODEBUG", not, "runtime"},
	{"GOGC", not, "runtime"},
	{"GOMEMLIMIT", not, "runtime"},
	{"GOCACHE", not, "cmd/go"},
	{"GOMODCACHE", not, "cmd/go"},
	{"GOTOOLCHAIN", not, "cmd/go"},
	{"CGO_ENABLED", not, "cmd/go"},

	// Shell, OS and user directories.
	{"HOME", cred, "os.UserHomeDir: root of ~/.aws, ~/.docker, ~/.kube"},
	{"USERPROFILE", cred, "os.UserHomeDir on Windows"},
	{"APPDATA", cred, "os.UserConfigDir on Windows"},
	{"XDG_CONFIG_HOME", cred, "os.UserConfigDir"},
	{"XDG_DATA_HOME", cred, "XDG base dirs: keyrings, tokens"},
	{"XDG_RUNTIME_DIR", cred, "containers auth.json, agent sockets"},
	{"XDG_CACHE_HOME", not, "os.UserCacheDir"},
	{"GNUPGHOME", cred, "gpg"},
	{"SSH_AUTH_SOCK", cred, "ssh-agent"},
	{"GIT_ASKPASS", cred, "git"},
	{"SSH_ASKPASS", cred, "OpenSSH"},
	{"SSH_ASKPASS_REQUIRE", not, "OpenSSH setting"},
	{"KRB5CCNAME", cred, "Kerberos credential cache"},
	{"PASSWORD_STORE_DIR", cred, "pass"},
	{"CREDENTIALS_DIRECTORY", cred, "systemd LoadCredential="},
	{"PWD", not, "shell"},
	{"OLDPWD", not, "shell"},
	{"PATH", not, "shell"},
	{"SHELL", not, "login"},
	{"USER", not, "login"},
	{"LOGNAME", not, "login"},
	{"HOSTNAME", not, "shell"},
	{"TERM", not, "terminal"},
	{"LANG", not, "locale"},
	{"LC_ALL", not, "locale"},
	{"TZ", not, "time"},
	{"TMPDIR", not, "os.TempDir"},
	{"EDITOR", not, "shell convention"},
	{"PAGER", not, "shell convention"},
	{"SHLVL", not, "bash"},
	{"DISPLAY", not, "X11"},
	{"SSH_CONNECTION", not, "OpenSSH"},
	{"COLUMNS", not, "shell"},
	{"GIT_AUTHOR_NAME", not, "git"},
	{"GIT_AUTHOR_EMAIL", not, "git"},
	{"GIT_COMMITTER_NAME", not, "git"},
	{"GIT_TERMINAL_PROMPT", not, "git"},
	{"GPG_KEY", not, "python Docker images: public key fingerprint"},
	{"HTTP_PROXY", not, "net/http ProxyFromEnvironment (see doc.go)"},
	{"HTTPS_PROXY", not, "net/http ProxyFromEnvironment"},
	{"NO_PROXY", not, "net/http ProxyFromEnvironment"},
	{"http_proxy", not, "curl lower-case spelling"},
	{"ALL_PROXY", not, "curl"},
	{"AWS_LAMBDA_FUNCTION_NAME", cred, "Lambda runtime; AWS_* family"},
	{"SSL_CERT_FILE", not, "crypto/x509: CA bundle"},
	{"SSL_CERT_DIR", not, "crypto/x509: CA dir"},
	{"REQUESTS_CA_BUNDLE", not, "python requests"},
	{"NODE_EXTRA_CA_CERTS", not, "Node.js"},
	{"LOCALDOMAIN", not, "glibc resolver (shared case 10)"},
	{"RES_OPTIONS", not, "glibc resolver (shared case 10)"},
	{"SPRING_PROFILES_ACTIVE", not, "Spring Boot"},
	{"OCI_CLI_PROFILE", cred, "OCI CLI profile selector"},
	{"DATABRICKS_CONFIG_PROFILE", cred, "databricks-sdk-go profile selector"},
	{"DATABRICKS_TOKEN", cred, "databricks-sdk-go"},
	{"DATABRICKS_HOST", not, "databricks-sdk-go"},
	{"PORT", not, "Heroku, Cloud Run"},
	{"K_SERVICE", not, "Cloud Run"},
	{"KEYCLOAK_ADMIN_PASSWORD", cred, "keycloak image"},
	{"KEYCLOAK_ADMIN", not, "keycloak image: admin user name"},
	{"KC_DB_PASSWORD", cred, "keycloak image"},
	{"KC_DB_URL", cred, "keycloak image: JDBC URL"},
}

// lookalikeNames are names, mostly from the shared cases and the brief, that
// exercise the tokenizer's traps and the negators.
var lookalikeNames = []struct {
	key  string
	want Class
	src  string
}{
	// Shared cases.
	{"APP_SECRET_CERT_PASSWORD", cred, "case 08"},
	{"APP_SESSION_TOKEN", cred, "case 10"},
	{"APP_UPLOAD_TOKEN", cred, "case 07"},
	{"CODEHOST_ACCESS_TOKEN", cred, "case 20"},
	{"CODEHOST_CLIENT_SECRET", cred, "case 20"},
	{"DATABASE_PASSWORD", cred, "case 12"},
	{"MAIL_API_KEY", cred, "case 15"},
	{"SCANNER_API_TOKEN", cred, "case 09"},
	{"SENTINEL_UPSTREAM_API_KEY", cred, "case 18"},
	{"APP_LOG_SINK", not, "case 07"},
	{"SCAN_TARGET", not, "case 09"},
	{"SCANQ_WORKERS", not, "case 09"},
	{"SENTINEL_TIMEOUT", not, "case 18"},
	{"SENTINEL_LISTEN", not, "case 18"},
	{"LISTEN_ADDR", not, "case 12"},
	{"AGENT_PLUGIN_DIR", not, "case 01"},
	{"AGENT_PLUGIN_META", not, "case 01"},
	{"CERT_BUNDLE_B64", not, "case 08: a public certificate"},

	// Substring traps the tokenizer avoids.
	{"AUTHOR", not, "AUTH inside a word"},
	{"KEYBOARD_LAYOUT", not, "KEY inside a word"},
	{"KEY_REPEAT", not, "KEY first"},
	{"KEY_REPEAT_DELAY", not, "KEY first"},
	{"MONKEY_PATCH", not, "KEY inside a word"},
	{"PASSIVE_MODE", not, "PASS inside a word"},
	{"BYPASS_CACHE", not, "PASS inside a word"},
	{"COMPASS_URL", not, "PASS inside a word"},
	{"SECRETARY_NAME", not, "SECRET inside a word"},
	{"PASS_THROUGH", not, "PASS first"},
	{"AUTH_URL", not, "AUTH not last"},
	{"AUTH0_DOMAIN", not, "AUTH0 first"},
	{"LOG_LEVEL", not, "plain setting"},

	// Settings about credentials.
	{"TOKEN_LIMIT", not, "limit"},
	{"MAX_TOKENS", not, "limit"},
	{"OPENAI_MAX_TOKENS", not, "limit"},
	{"TOKEN_TTL", not, "lifetime"},
	{"TOKEN_EXPIRY", not, "lifetime"},
	{"SESSION_TIMEOUT", not, "lifetime"},
	{"PASSWORD_MIN_LENGTH", not, "policy"},
	{"JWT_ALGORITHM", not, "algorithm"},
	{"JWT_ISSUER", not, "claim"},
	{"OAUTH_TOKEN_URL", not, "endpoint"},
	{"API_KEY_HEADER", not, "header name"},
	{"CACHE_KEY_PREFIX", not, "cache key"},
	{"SORT_KEY", not, "lookup key"},
	{"SSH_PUBLIC_KEY_PATH", not, "public key"},
	{"CPU_PROFILE", not, "profiler output"},

	// Shapes the heuristic accepts.
	{"SECRET", cred, "bare word"},
	{"TOKEN", cred, "bare word"},
	{"DSN", cred, "bare word"},
	{"DB_PASS", cred, "PASS as head"},
	{"SMTP_PASS", cred, "PASS as head"},
	{"DB_PWD", cred, "PWD as head"},
	{"PRIVATE_KEY", cred, "KEY after PRIVATE"},
	{"SSH_PRIVATE_KEY_PATH", cred, "*_PRIVATE_KEY_PATH locator"},
	{"TLS_KEY_FILE", cred, "KEY with locator suffix"},
	{"SESSION_KEY", cred, "KEY after SESSION"},
	{"COOKIE_SECRET", cred, "SECRET"},
	{"ENCRYPTION_KEY", cred, "KEY after ENCRYPTION"},
	{"API_KEY_2", cred, "numeric suffix"},
	{"AZURE_STORAGE_KEY1", cred, "trailing digit"},
	{"BASIC_AUTH", cred, "AUTH as head"},
	{"PROXY_AUTH", cred, "AUTH as head"},
	{"REDIS_HOST_PASSWORD", cred, "negator before head does not count"},
	{"DEPLOY_ROLE_ARN", cred, "role selector"},
	{"CONNECTION_STRING", cred, "connection string"},
	{"DISCORD_WEBHOOK_URL", cred, "webhook URL"},
	{"openaiApiKey", cred, "camel case"},
	{"GITHUBTOKEN", cred, "fused"},
	{"DATABASE_URL_FILE", cred, "Docker secrets *_FILE convention"},
	{"DATABASE_URL_TIMEOUT", not, "setting"},
}

func TestClassifyRealNames(t *testing.T) {
	checkTable(t, realNames)
}

func TestClassifyLookalikes(t *testing.T) {
	checkTable(t, lookalikeNames)
}

func checkTable(t *testing.T, table []struct {
	key  string
	want Class
	src  string
}) {
	t.Helper()
	seen := map[string]bool{}
	for _, tc := range table {
		if seen[tc.key] {
			t.Errorf("duplicate table entry %s", tc.key)
		}
		seen[tc.key] = true
		got, why := Default().Explain(tc.key)
		if got != tc.want {
			t.Errorf("Classify(%q) = %v (%s), want %v (%s)", tc.key, got, why, tc.want, tc.src)
		}
	}
}

// TestRealNamesCoverage keeps the real-name table at the size the package
// documentation promises: 150 names, 50 of each class.
func TestRealNamesCoverage(t *testing.T) {
	n := map[Class]int{}
	for _, tc := range realNames {
		n[tc.want]++
	}
	if len(realNames) < 150 || n[Credential] < 50 || n[NotCredential] < 50 {
		t.Errorf("realNames has %d entries (%d credential, %d not); want >= 150 with >= 50 of each",
			len(realNames), n[Credential], n[NotCredential])
	}
}

func TestClassString(t *testing.T) {
	for c, want := range map[Class]string{NotCredential: "not-credential", Credential: "credential", 7: "Class(7)"} {
		if got := c.String(); got != want {
			t.Errorf("Class(%d).String() = %q, want %q", int(c), got, want)
		}
	}
}

func TestTokenize(t *testing.T) {
	for key, want := range map[string]string{
		"AWS_ACCESS_KEY_ID":             "AWS ACCESS KEY ID",
		"ORG_GRADLE_PROJECT_signingKey": "ORG GRADLE PROJECT SIGNING KEY",
		"TF_TOKEN_app_terraform_io":     "TF TOKEN APP TERRAFORM IO",
		"openaiAPIKey":                  "OPENAI API KEY",
		"npm_config__auth":              "NPM CONFIG AUTH",
		"PGPASSWORD":                    "PGPASSWORD",
		"a-b.c":                         "A B C",
		"__":                            "",
		"É_TOKEN":                       "TOKEN",
	} {
		got := ""
		for i, tok := range tokenize(key) {
			if i > 0 {
				got += " "
			}
			got += tok
		}
		if got != want {
			t.Errorf("tokenize(%q) = %q, want %q", key, got, want)
		}
	}
}
