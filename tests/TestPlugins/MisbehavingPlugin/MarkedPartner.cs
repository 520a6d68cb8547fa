using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

[TransportPartner("misbehaving-rides")]
public sealed class MarkedPartner : PartnerBase;
