namespace SocialPrescribing.Accounts;

/// <summary>
/// One sign-in attempt as <see cref="ISignInEvents"/> hear of it.
/// </summary>
/// <param name="UserName">The name as typed (it may belong to no account).</param>
/// <param name="Tenant">The tenant when known: the only one the account holds roles in, else null.</param>
/// <param name="SourceAddress">The caller's address as the front door saw it (forwarded only from known proxies).</param>
/// <param name="RequestId">The request's trace identifier, to tie the event to the host's logs.</param>
/// <param name="Reason">Why an attempt failed, in one word: <see cref="SignInFailure"/>; null when it succeeded.</param>
/// <param name="OccurredAt">When, by the real clock.</param>
public sealed record SignInEvent(string UserName, string? Tenant, string? SourceAddress, string RequestId, string? Reason, DateTimeOffset OccurredAt);
