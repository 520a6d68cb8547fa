namespace Sp.TestPlugins.Misbehaving;

/// <summary>A partner without its kind attribute.</summary>
public sealed class UnmarkedPartner : PartnerBase;
