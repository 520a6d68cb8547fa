namespace SocialPrescribing.Host.Api;

/// <summary>Configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The largest JSON body a command accepts. Default 64 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
