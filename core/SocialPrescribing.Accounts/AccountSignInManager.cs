using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Identity's sign-in, refusing a disabled account (or one whose invitation is not yet accepted) as not allowed, and a
/// right password of an account whose tenants do not take passwords (<see cref="IPasswordSignInRule"/>).
/// </summary>
public sealed class AccountSignInManager(
    UserManager<UserAccount> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<UserAccount> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation,
    IPasswordSignInRule? passwordRule = null)
    : SignInManager<UserAccount>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(UserAccount user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        return result.Succeeded && passwordRule is not null && !await passwordRule.AllowsPasswordAsync(user)
            ? PasswordNotUsedResult.Instance
            : result;
    }

    public override async Task<bool> CanSignInAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.Disabled && await base.CanSignInAsync(user);
    }
}
