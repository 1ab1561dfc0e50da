package sdks

// Table lists the SDK entry points that read credentials from the process
// environment and accept them explicitly instead, one row per function
// (issue 14). Each row names the adapter module under profileenv/ that turns
// the profile attached to a context into the SDK's own explicit options,
// how a fix adds the adapter's call, the variables the adapter supplies
// (its call settles them), and the SDK's own options that settle a
// variable. The variables and options were read from each SDK's source at
// the version its SDK field gives; docs/sdk-fixes.md shows the table.
//
// Adding an SDK is one row here, a stub of the SDK and of its adapter under
// analyzer/testdata/src at their import paths with golden fixes, and the
// adapter module itself.
var Table = []Entry{
	{
		// client.go DefaultClientOptions: os.LookupEnv of each variable;
		// NewClient appends the caller's options after the defaults, so an
		// explicit option wins.
		SDK:     "github.com/openai/openai-go/v3 v3.105.0",
		Func:    "github.com/openai/openai-go/v3.NewClient",
		Adapter: "github.com/credlint/credlint/profileenv/openaienv", Call: "With", How: Spread,
		Keys: []string{"OPENAI_API_KEY", "OPENAI_ADMIN_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID",
			"OPENAI_WEBHOOK_SECRET", "OPENAI_CUSTOM_HEADERS"},
		Options: map[string][]string{
			"github.com/openai/openai-go/v3/option.WithAPIKey":        {"OPENAI_API_KEY"},
			"github.com/openai/openai-go/v3/option.WithAdminAPIKey":   {"OPENAI_ADMIN_KEY"},
			"github.com/openai/openai-go/v3/option.WithBaseURL":       {"OPENAI_BASE_URL"},
			"github.com/openai/openai-go/v3/option.WithOrganization":  {"OPENAI_ORG_ID"},
			"github.com/openai/openai-go/v3/option.WithProject":       {"OPENAI_PROJECT_ID"},
			"github.com/openai/openai-go/v3/option.WithWebhookSecret": {"OPENAI_WEBHOOK_SECRET"},
		},
	},
	{
		// client.go defaultClientOptions and environmentCredential: the
		// credential chain (ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN,
		// ANTHROPIC_PROFILE, federation, the fallback profile) is skipped
		// entirely when the caller passes a credential option
		// (requestconfig.HasCredentialOption).
		SDK:     "github.com/anthropics/anthropic-sdk-go/v2 v2.18.0",
		Func:    "github.com/anthropics/anthropic-sdk-go/v2.NewClient",
		Adapter: "github.com/credlint/credlint/profileenv/anthropicenv", Call: "With", How: Spread,
		// A profile's key reaches the SDK as a credential option, which
		// skips the whole chain.
		Keys: append([]string{"ANTHROPIC_BASE_URL", "ANTHROPIC_WEBHOOK_SIGNING_KEY", "ANTHROPIC_CUSTOM_HEADERS"}, anthropicChain...),
		Options: map[string][]string{
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithAPIKey":     anthropicChain,
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithAuthToken":  anthropicChain,
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithProfile":    anthropicChain,
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithConfig":     anthropicChain,
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithBaseURL":    {"ANTHROPIC_BASE_URL"},
			"github.com/anthropics/anthropic-sdk-go/v2/option.WithWebhookKey": {"ANTHROPIC_WEBHOOK_SIGNING_KEY"},
		},
	},
	{
		// env_config.go NewEnvConfig reads the AWS_* family; config.go
		// resolves LoadOptions (the caller's optFns) before the
		// environment's values for each setting.
		SDK:     "github.com/aws/aws-sdk-go-v2/config v1.33.18",
		Func:    "github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig",
		Adapter: "github.com/credlint/credlint/profileenv/awsenv", Call: "With", How: Spread,
		Keys: []string{"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_ACCOUNT_ID",
			"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SHARED_CREDENTIALS_FILE",
			"AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME"},
		Options: map[string][]string{
			"github.com/aws/aws-sdk-go-v2/config.WithCredentialsProvider": {"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY",
				"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AWS_SESSION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
				"AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
				"AWS_CONTAINER_AUTHORIZATION_TOKEN"},
			"github.com/aws/aws-sdk-go-v2/config.WithRegion":                 {"AWS_REGION", "AWS_DEFAULT_REGION"},
			"github.com/aws/aws-sdk-go-v2/config.WithSharedConfigProfile":    {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"},
			"github.com/aws/aws-sdk-go-v2/config.WithSharedCredentialsFiles": {"AWS_SHARED_CREDENTIALS_FILE"},
			"github.com/aws/aws-sdk-go-v2/config.WithSharedConfigFiles":      {"AWS_CONFIG_FILE"},
		},
	},
	{
		// Every cloud.google.com/go/... NewClient (and any function) whose
		// last parameter is ...option.ClientOption: the client options reach
		// cloud.google.com/go/auth's credential detection, which reads
		// GOOGLE_APPLICATION_CREDENTIALS (credentials/detect.go) only when
		// no credential option is given.
		SDK:      "google.golang.org/api v0.316.0 with cloud.google.com/go/auth v0.24",
		Variadic: "google.golang.org/api/option.ClientOption",
		Adapter:  "github.com/credlint/credlint/profileenv/googleenv", Call: "With", How: Spread,
		// GOOGLE_CLOUD_PROJECT reaches the credentials' project ID; no
		// client option carries it (googleenv's package documentation).
		Keys: []string{"GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_QUOTA_PROJECT",
			"GOOGLE_CLOUD_UNIVERSE_DOMAIN"},
		Options: map[string][]string{
			"google.golang.org/api/option.WithCredentialsFile":     googleCreds,
			"google.golang.org/api/option.WithCredentialsJSON":     googleCreds,
			"google.golang.org/api/option.WithAuthCredentialsFile": googleCreds,
			"google.golang.org/api/option.WithAuthCredentialsJSON": googleCreds,
			"google.golang.org/api/option.WithServiceAccountFile":  googleCreds,
			"google.golang.org/api/option.WithCredentials":         googleCreds,
			"google.golang.org/api/option.WithAuthCredentials":     googleCreds,
			"google.golang.org/api/option.WithTokenSource":         googleCreds,
			"google.golang.org/api/option.WithAPIKey":              googleCreds,
			"google.golang.org/api/option.WithoutAuthentication":   googleCreds,
			"google.golang.org/api/option.WithQuotaProject":        {"GOOGLE_CLOUD_QUOTA_PROJECT"},
		},
	},
	{
		// default_azure_credential.go and environment_credential.go: the
		// options struct has no field for a secret, so the fix wraps the
		// call instead; azidentity.go names the variables.
		SDK:     "github.com/Azure/azure-sdk-for-go/sdk/azidentity v1.15.0",
		Func:    "github.com/Azure/azure-sdk-for-go/sdk/azidentity.NewDefaultAzureCredential",
		Adapter: "github.com/credlint/credlint/profileenv/azureenv", Call: "NewDefaultAzureCredential", How: Wrap,
		Returns: azureCredential,
		Keys:    azureKeys,
	},
	{
		SDK:     "github.com/Azure/azure-sdk-for-go/sdk/azidentity v1.15.0",
		Func:    "github.com/Azure/azure-sdk-for-go/sdk/azidentity.NewEnvironmentCredential",
		Adapter: "github.com/credlint/credlint/profileenv/azureenv", Call: "NewEnvironmentCredential", How: Wrap,
		Returns: azureCredential,
		Keys:    azureKeys,
	},
}

// anthropicChain is what anthropic-sdk-go v2's default credential chain
// reads (client.go environmentCredential, internal/auth/constants.go,
// config/config.go), none of it when a credential option is passed.
var anthropicChain = []string{"ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_PROFILE", "ANTHROPIC_CONFIG_DIR",
	"ANTHROPIC_IDENTITY_TOKEN", "ANTHROPIC_IDENTITY_TOKEN_FILE", "ANTHROPIC_FEDERATION_RULE_ID",
	"ANTHROPIC_ORGANIZATION_ID", "ANTHROPIC_SERVICE_ACCOUNT_ID", "ANTHROPIC_WORKSPACE_ID"}

// googleCreds is what an explicit credential option of
// google.golang.org/api/option replaces.
var googleCreds = []string{"GOOGLE_APPLICATION_CREDENTIALS"}

// azureCredential is what azureenv's wrappers return.
const azureCredential = "github.com/Azure/azure-sdk-for-go/sdk/azcore.TokenCredential"

// azureKeys are the variables azureenv supplies from a profile (its
// package documentation): tenant and client ID, and a secret, a
// certificate or a user, or workload identity's token file.
var azureKeys = []string{"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
	"AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN",
	"AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_ADDITIONALLY_ALLOWED_TENANTS",
	"AZURE_AUTHORITY_HOST"}
