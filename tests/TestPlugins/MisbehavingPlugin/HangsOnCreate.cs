using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

[TransportPartner("hangs-on-create")]
public sealed class HangsOnCreate : PartnerBase
{
    public HangsOnCreate() => Thread.Sleep(TimeSpan.FromSeconds(10));
}
