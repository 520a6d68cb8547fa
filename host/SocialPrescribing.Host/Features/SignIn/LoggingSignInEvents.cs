using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// The default <see cref="ISignInEvents"/>: one log line per event with the tenant (when known), the reason and the
/// request id, and never the user name or the address: logs travel further than the audit log, and a name typed in
/// the user-name box is sometimes a password.
/// </summary>
internal sealed partial class LoggingSignInEvents(ILogger<LoggingSignInEvents> logger) : ISignInEvents
{
    public Task SignedInAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        SignedIn(logger, signIn.Tenant ?? "-", signIn.RequestId);
        return Task.CompletedTask;
    }

    public Task SignInFailedAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        Failed(logger, signIn.Reason ?? "-", signIn.Tenant ?? "-", signIn.RequestId);
        return Task.CompletedTask;
    }

    public Task LockedOutAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        LockedOut(logger, signIn.Tenant ?? "-", signIn.RequestId);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Sign-in succeeded (tenant {Tenant}, request {RequestId}).")]
    private static partial void SignedIn(ILogger logger, string tenant, string requestId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Sign-in refused: {Reason} (tenant {Tenant}, request {RequestId}).")]
    private static partial void Failed(ILogger logger, string reason, string tenant, string requestId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "An account was locked after repeated failed sign-ins (tenant {Tenant}, request {RequestId}).")]
    private static partial void LockedOut(ILogger logger, string tenant, string requestId);
}
