namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>Tenant configuration enabling contoso-rides for ab and on, each with its own account at the partner.</summary>
internal static class ContosoConfig
{
    public const string AbKey = "ab-key-0123456789";
    public const string OnKey = "on-key-0123456789";

    public static Dictionary<string, string?> For(Uri partner) => new()
    {
        ["Tenants:ab:Plugins:contoso-rides:Enabled"] = "true",
        ["Tenants:ab:Plugins:contoso-rides:Settings:BaseUrl"] = partner.AbsoluteUri,
        ["Tenants:ab:Plugins:contoso-rides:Settings:ApiKey"] = AbKey,
        ["Tenants:on:Plugins:contoso-rides:Enabled"] = "true",
        ["Tenants:on:Plugins:contoso-rides:Settings:BaseUrl"] = partner.AbsoluteUri,
        ["Tenants:on:Plugins:contoso-rides:Settings:ApiKey"] = OnKey,
    };
}
