namespace SocialPrescribing.Host.Tests;

internal static class TempFolders
{
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
