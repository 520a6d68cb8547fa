using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Accounts;

/// <summary>Identity's sign-in, refusing a disabled account (or one whose invitation is not yet accepted) as not allowed.</summary>
public sealed class AccountSignInManager(
    UserManager<UserAccount> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<UserAccount> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.Disabled && await base.CanSignInAsync(user);
    }
}
