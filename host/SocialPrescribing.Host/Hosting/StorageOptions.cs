namespace SocialPrescribing.Host.Hosting;

/// <summary>Configuration section <c>Storage</c> (the engine's own keys live in the same section).</summary>
public sealed class StorageOptions
{
    /// <summary>The storage engine: <c>sqlite</c> (the embedded default).</summary>
    public string Provider { get; set; } = "sqlite";
}
