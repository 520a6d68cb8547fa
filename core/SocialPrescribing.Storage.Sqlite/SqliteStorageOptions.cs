namespace SocialPrescribing.Storage.Sqlite;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The folder holding the database file <c>journeys.db</c>. Default <c>./data</c>, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "journeys.db"));
}
