namespace Sp.TestPlugins.Dependency;

/// <summary>A library a plugin depends on; with no entry type of its own.</summary>
public abstract class Greeting
{
    public static string For(string name) => $"Hello {name}";
}
