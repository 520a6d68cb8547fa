using SocialPrescribing.Abstractions;

namespace Sp.TestPlugins.Dependency;

/// <summary>A library a plugin depends on; it uses the SDK but has no entry type of its own.</summary>
public abstract class Greeting
{
    public static string For(string name) => $"Hello {name}";

    public static string For(string name, TenantId tenant) => $"Hello {name} of {tenant}";
}
