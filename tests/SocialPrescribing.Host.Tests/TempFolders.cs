namespace SocialPrescribing.Host.Tests;

internal static class TempFolders
{
    /// <summary>A new, empty folder under the system's temporary folder.</summary>
    public static string New(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}")).FullName;

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
