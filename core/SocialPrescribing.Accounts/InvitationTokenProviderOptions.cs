using Microsoft.AspNetCore.Identity;

namespace SocialPrescribing.Accounts;

/// <summary>The options of <see cref="InvitationTokenProvider"/>: its own name and lifetime.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
