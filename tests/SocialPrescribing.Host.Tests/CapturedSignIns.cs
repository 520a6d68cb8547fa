using System.Collections.Concurrent;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Tests;

/// <summary>Keeps every sign-in event a test host reports (kind and event), then passes it on to the host's own handler.</summary>
internal sealed class CapturedSignIns(ConcurrentQueue<(string Kind, SignInEvent Event)> events, ISignInEvents inner) : ISignInEvents
{
    public Task SignedInAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        events.Enqueue(("signed-in", signIn));
        return inner.SignedInAsync(signIn, cancellationToken);
    }

    public Task SignInFailedAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        events.Enqueue(("failed", signIn));
        return inner.SignInFailedAsync(signIn, cancellationToken);
    }

    public Task LockedOutAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        events.Enqueue(("locked-out", signIn));
        return inner.LockedOutAsync(signIn, cancellationToken);
    }
}
