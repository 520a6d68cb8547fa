using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

[TransportPartner("needs-missing")]
public sealed class NeedsMissingService(IMissingService missing) : PartnerBase
{
    public IMissingService Missing { get; } = missing;
}
