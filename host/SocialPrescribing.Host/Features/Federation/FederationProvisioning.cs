namespace SocialPrescribing.Host.Features.Federation;

/// <summary>The values of <see cref="FederationOptions.Provisioning"/>.</summary>
public static class FederationProvisioning
{
    /// <summary>Only people who already have an account here (linked, or matched by e-mail) sign in.</summary>
    public const string MatchOnly = "match-only";

    /// <summary>A person the provider vouches for and whose roles map gets an account at their first sign-in.</summary>
    public const string Create = "create";
}
