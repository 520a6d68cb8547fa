namespace SocialPrescribing.Host.Http;

/// <summary>Configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The largest JSON body a command accepts. Default 64 KiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest directory import (an HSDS JSON array of services). Default 25 MiB, under Kestrel's own 30 MB.</summary>
    public int MaxImportBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// The longest request target (path and query, as sent) the host serves; longer is a 414 with problem details.
    /// Default 8 KiB, Kestrel's own default line limit, which the host raises to four times this so that it answers
    /// first.
    /// </summary>
    public int MaxRequestTargetLength { get; set; } = 8 * 1024;
}
