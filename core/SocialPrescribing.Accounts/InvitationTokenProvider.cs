using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Invitation codes: Identity's data-protection tokens with a lifetime of their own (an invitation waits days, a
/// password reset an hour). Bound to the account's security stamp, so choosing the password uses the code up.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<UserAccount>> logger)
    : DataProtectorTokenProvider<UserAccount>(protection, options, logger)
{
    /// <summary>The provider's name, and the purpose its codes are made for.</summary>
    public const string ProviderName = "invitation";
}
