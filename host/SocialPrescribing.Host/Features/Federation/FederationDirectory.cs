using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Features.Federation;

/// <summary>
/// The tenants that trust their own OpenID Connect provider, read from <c>Tenants:{tenant}:Federation</c> and checked
/// once at start-up: a mistake stops the host with every key at fault named, as the tenants' other settings do.
/// </summary>
internal sealed class FederationDirectory
{
    private readonly FrozenDictionary<string, FederatedTenant> _byTenant;

    private FederationDirectory(IEnumerable<FederatedTenant> tenants) =>
        _byTenant = tenants.ToFrozenDictionary(t => t.Tenant.Value, StringComparer.Ordinal);

    /// <summary>Every federated tenant, by tenant id.</summary>
    public IReadOnlyCollection<FederatedTenant> All => _byTenant.Values;

    public FederatedTenant? Find(string? tenant) => tenant is not null && _byTenant.TryGetValue(tenant, out var found) ? found : null;

    /// <summary>The federated tenant whose scheme this is (<c>oidc-&lt;tenant&gt;</c>).</summary>
    public FederatedTenant? ForScheme(string? scheme) =>
        scheme is not null && scheme.StartsWith(FederatedTenant.SchemePrefix, StringComparison.Ordinal) ? Find(scheme[FederatedTenant.SchemePrefix.Length..]) : null;

    /// <summary>Whether people of <paramref name="tenant"/> may use a password here (true for a tenant without federation).</summary>
    public bool AllowsLocalPasswords(string tenant) => Find(tenant)?.LocalPasswords ?? true;

    /// <summary>
    /// Reads and checks the section; <paramref name="allowHttp"/> (Development and Testing) lets an authority be plain
    /// http. Throws <see cref="OptionsValidationException"/> listing every problem, each with its key.
    /// </summary>
    public static FederationDirectory Read(IConfiguration tenants, bool allowHttp)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        var errors = new List<string>();
        var found = new List<FederatedTenant>();
        foreach (var tenant in tenants.GetChildren())
        {
            var section = tenant.GetSection("Federation");
            if (!section.Exists())
            {
                continue;
            }

            var options = new FederationOptions();
            try
            {
                section.Bind(options);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"Tenants:{tenant.Key}:Federation: {ex.Message}");
                continue;
            }

            if (Check($"Tenants:{tenant.Key}:Federation", tenant.Key, options, allowHttp, errors) is { } federated)
            {
                found.Add(federated);
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Tenants:*:Federation", typeof(FederationOptions), errors);
        }

        return new FederationDirectory(found);
    }

    private static FederatedTenant? Check(string key, string tenantKey, FederationOptions options, bool allowHttp, List<string> errors)
    {
        var before = errors.Count;
        if (!TenantId.TryParse(tenantKey, out var tenant))
        {
            errors.Add($"Tenants:{tenantKey}: a tenant id is 2 to 32 characters of a-z, 0-9 and '-'.");
        }

        Uri? authority = null;
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            errors.Add($"{key}:Authority is required: the provider's issuer URL (https://…).");
        }
        else if (!Uri.TryCreate(options.Authority.Trim(), UriKind.Absolute, out authority)
            || authority.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment) || !string.IsNullOrEmpty(authority.UserInfo))
        {
            errors.Add($"{key}:Authority '{options.Authority}' is not an absolute https URL without query or fragment.");
        }
        else if (authority.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            errors.Add($"{key}:Authority '{options.Authority}' is http: the provider must be reached over https (http only in Development and Testing).");
        }

        Require(options.ClientId, $"{key}:ClientId", "this host's client id at the provider", errors);
        Require(options.DisplayName, $"{key}:DisplayName", "the provider's name on the sign-in button", errors);
        Require(options.SubjectClaim, $"{key}:SubjectClaim", "the claim holding the person's stable id (default sub)", errors);
        Require(options.RoleClaim, $"{key}:RoleClaim", "the claim whose values RoleMap maps (e.g. groups or roles)", errors);
        if (options.ClientSecret is { Length: > 0 and < 16 })
        {
            errors.Add($"{key}:ClientSecret is too short to be a secret (at least 16 characters); leave it out for a public client (PKCE only).");
        }

        if (options.ResponseMode is not ("form_post" or "query"))
        {
            errors.Add($"{key}:ResponseMode '{options.ResponseMode}' is not one of form_post, query.");
        }

        if (options.Provisioning is not (FederationProvisioning.MatchOnly or FederationProvisioning.Create))
        {
            errors.Add($"{key}:Provisioning '{options.Provisioning}' is not one of {FederationProvisioning.MatchOnly}, {FederationProvisioning.Create}.");
        }

        var scopes = options.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0 && s != "openid").Distinct(StringComparer.Ordinal).ToList();
        if (scopes.FirstOrDefault(s => s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"' || c == '\\')) is { } badScope)
        {
            errors.Add($"{key}:Scopes '{badScope}' is not a scope name (one name per entry, no spaces).");
        }

        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (options.RoleMap.Count == 0)
        {
            errors.Add($"{key}:RoleMap is required: at least one value of the provider's {options.RoleClaim} claim and the roles it gives here.");
        }

        foreach (var (value, text) in options.RoleMap)
        {
            var roles = AccessRoles.Split(text);
            if (roles.Count == 0 || roles.Any(r => !AccessRoles.TenantGrantable.Contains(r)))
            {
                errors.Add($"{key}:RoleMap:{value} '{text}' must name one or more of {string.Join(", ", AccessRoles.TenantGrantable.Order(StringComparer.Ordinal))} (never {AccessRoles.Operator}).");
            }
            else
            {
                map[value] = roles;
            }
        }

        return errors.Count > before
            ? null
            : new FederatedTenant(
                tenant,
                authority!,
                options.ClientId!.Trim(),
                string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret,
                options.DisplayName!.Trim(),
                scopes,
                options.ResponseMode,
                options.SubjectClaim.Trim(),
                string.IsNullOrWhiteSpace(options.NameClaim) ? "name" : options.NameClaim.Trim(),
                string.IsNullOrWhiteSpace(options.EmailClaim) ? "email" : options.EmailClaim.Trim(),
                options.RoleClaim.Trim(),
                map.ToFrozenDictionary(StringComparer.Ordinal),
                options.Provisioning == FederationProvisioning.Create,
                options.LocalPasswords);
    }

    private static void Require(string? value, string key, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required: {what}.");
        }
    }
}
