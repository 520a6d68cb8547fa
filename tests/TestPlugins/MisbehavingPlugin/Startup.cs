using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

/// <summary>Registers as mode.txt in its folder says; with no mode.txt it registers one sound partner.</summary>
public sealed class Startup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var modeFile = Path.Combine(context.Directory, "mode.txt");
        var mode = File.Exists(modeFile) ? File.ReadAllText(modeFile).Trim() : "sound";
        switch (mode)
        {
            case "throw":
                services.AddSingleton<ITransportPartner, MarkedPartner>();
                throw new InvalidOperationException("Registration exploded.");
            case "hang":
                Thread.Sleep(TimeSpan.FromSeconds(10));
                break;
            case "unmarked":
                services.AddSingleton<ITransportPartner, UnmarkedPartner>();
                break;
            case "factory":
                services.AddSingleton<ITransportPartner>(_ => new MarkedPartner());
                break;
            case "scoped":
                services.AddScoped<ITransportPartner, MarkedPartner>();
                break;
            case "unresolvable":
                services.AddSingleton<ITransportPartner, NeedsMissingService>();
                break;
            case "hang-on-create":
                services.AddSingleton<ITransportPartner, HangsOnCreate>();
                break;
            default:
                services.AddSingleton<ITransportPartner, MarkedPartner>();
                break;
        }
    }
}
