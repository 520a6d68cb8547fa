using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// The default <see cref="IAccountLinkSender"/> while no mail server is configured: each link goes to a file of its
/// own under <see cref="SignInOptions.LinkFolder"/>, readable by the host's user only, for an operator to pass on.
/// The log says that a link was written and where, never the link: a link is a credential until used, and logs are
/// shipped to places (aggregators, support tickets) that must not hold one. Register an e-mail sender to replace it.
/// </summary>
internal sealed partial class AccountLinkOutbox(string folder, ILogger<AccountLinkOutbox> logger) : IAccountLinkSender
{
    public async Task SendAsync(AccountLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{link.Kind.ToString().ToLowerInvariant()}-{Guid.CreateVersion7():N}.txt");
        var contents = $"""
            To: {link.UserName} ({link.DisplayName}){(link.Tenant is null ? string.Empty : $", tenant {link.Tenant}")}
            Link: {link.Url.AbsoluteUri}
            Expires: {link.ExpiresAt:O}

            """;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(path, System.Text.Encoding.UTF8, options))
        {
            await file.WriteAsync(contents.AsMemory(), cancellationToken);
        }

        Written(logger, link.Kind, path);
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "An account link ({Kind}) was written to {File}; pass it on to its person.")]
    private static partial void Written(ILogger logger, AccountLinkKind kind, string file);
}
