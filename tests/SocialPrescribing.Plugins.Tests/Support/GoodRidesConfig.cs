namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>Configuration enabling the good-rides test plugin for tenants, with sound settings unless told otherwise.</summary>
internal static class GoodRidesConfig
{
    public static Dictionary<string, string?> EnabledFor(params string[] tenants)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var tenant in tenants)
        {
            settings[$"Tenants:{tenant}:Plugins:good-rides:Enabled"] = "true";
            settings[$"Tenants:{tenant}:Plugins:good-rides:Settings:ServiceArea"] = tenant == "ab" ? "Calgary" : "Toronto";
            settings[$"Tenants:{tenant}:Plugins:good-rides:Settings:BaseFare"] = tenant == "ab" ? "12.50" : "20";
        }

        return settings;
    }
}
