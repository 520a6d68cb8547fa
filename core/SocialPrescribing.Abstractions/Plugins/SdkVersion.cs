namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>The version of this SDK, as the host checks plugins against it.</summary>
public static class SdkVersion
{
    /// <summary>
    /// The SDK's semantic version (major.minor.patch), for example <c>1.0.0</c>. A plugin's manifest range must
    /// include it, and a plugin compiled against a later minor version, or another major version, is not loaded.
    /// </summary>
    public static Version Current { get; } = Read();

    private static Version Read()
    {
        var version = typeof(SdkVersion).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return new Version(version.Major, version.Minor, Math.Max(version.Build, 0));
    }
}
