namespace SocialPrescribing.Host.Features.Access;

/// <summary>A host about to serve loads its token keys first: without persistent keys outside Development it refuses to start, naming the setting.</summary>
internal sealed class AccessKeyCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<AccessKeyRing>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
