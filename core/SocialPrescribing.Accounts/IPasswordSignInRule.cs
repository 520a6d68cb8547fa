namespace SocialPrescribing.Accounts;

/// <summary>
/// Whether an account may sign in with its password here at all, asked once the password is known to be right (so a
/// wrong guess learns nothing): a tenant that signs its people in with its own identity provider may forbid passwords
/// for accounts that are only its own. The host registers the rule; without one, every password works.
/// </summary>
public interface IPasswordSignInRule
{
    Task<bool> AllowsPasswordAsync(UserAccount user, CancellationToken cancellationToken = default);
}
