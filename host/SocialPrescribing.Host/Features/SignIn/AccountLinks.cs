using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>Makes the one-time links of invitations and resets, at the host's public address (its issuer), and hands them to the sender.</summary>
internal sealed class AccountLinks(IAccountLinkSender sender, AccessKeyRing keys, IOptions<SignInOptions> options)
{
    public async Task<AccountLink> SendAsync(AccountLinkKind kind, UserAccount user, string? tenant, string code, string lang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (path, lifetime) = kind == AccountLinkKind.Invitation
            ? (ChoosePasswordPage.InvitationPath, options.Value.InvitationLifetime)
            : (ChoosePasswordPage.ResetPath, options.Value.PasswordResetLifetime);
        var url = QueryHelpers.AddQueryString(new Uri(keys.Issuer, path.TrimStart('/')).AbsoluteUri, new Dictionary<string, string?>
        {
            ["user"] = user.UserName,
            ["code"] = code,
            ["lang"] = lang,
        });
        var link = new AccountLink(kind, user.UserName!, user.DisplayName, tenant, new Uri(url), TimeProvider.System.GetUtcNow() + lifetime);
        await sender.SendAsync(link, cancellationToken);
        return link;
    }
}
