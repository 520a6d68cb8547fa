namespace SocialPrescribing.Accounts;

/// <summary>
/// Delivers a one-time link to the person it is for: an invitation to choose a password, or a password reset. The
/// link is a credential until used or expired, so an implementation sends it to the person only and never logs it.
/// Register one (e-mail, a messaging gateway) to replace the host's default, which writes each link to a file.
/// </summary>
public interface IAccountLinkSender
{
    Task SendAsync(AccountLink link, CancellationToken cancellationToken);
}
