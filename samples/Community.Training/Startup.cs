using Community.Training.Modules;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Training;

namespace Community.Training;

/// <summary>The plugin's entry: three modules, no settings.</summary>
public sealed class Startup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<ITrainingModule, WhatMattersModule>();
        services.AddSingleton<ITrainingModule, SafeguardingModule>();
        services.AddSingleton<ITrainingModule, PrivacyAndConsentModule>();
    }
}
