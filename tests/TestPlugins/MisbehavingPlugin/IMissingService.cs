namespace Sp.TestPlugins.Misbehaving;

/// <summary>A service nobody registers.</summary>
public interface IMissingService;
