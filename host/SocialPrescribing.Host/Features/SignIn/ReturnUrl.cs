namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// Where a sign-in page sends the person when done: only back into the sign-in flow on this host (the authorization
/// endpoint, or another account page), never elsewhere, so a crafted link cannot make the host an open redirect.
/// </summary>
internal static class ReturnUrl
{
    public const string Authorize = "/connect/authorize";

    public const string Account = "/account";

    public static string Safe(string? url) =>
        url is { Length: > 0 and <= 4096 }
        && (url.StartsWith(Authorize + "?", StringComparison.Ordinal) || url == Account || url.StartsWith(Account + "/", StringComparison.Ordinal))
        && !url.Any(c => char.IsControl(c) || c == '\\')
            ? url
            : Account;

    public static bool IsAuthorization(string url) => url.StartsWith(Authorize + "?", StringComparison.Ordinal);
}
