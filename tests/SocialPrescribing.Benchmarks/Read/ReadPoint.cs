namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// One read measured two ways: the host's answer to <paramref name="Path"/> (under the tenant's API) with
/// <paramref name="Client"/>'s token, and the <paramref name="Statements"/> a hand-written implementation would run
/// with <paramref name="Parameters"/>. <paramref name="Once"/> measures the first request only (a cold read).
/// </summary>
internal sealed record ReadPoint(
    string Name,
    string Goal,
    HttpClient Client,
    string Path,
    IReadOnlyList<string> Statements,
    IReadOnlyDictionary<string, object> Parameters,
    bool Once = false);
