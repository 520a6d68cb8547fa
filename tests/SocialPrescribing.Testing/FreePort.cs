using System.Net;
using System.Net.Sockets;

namespace SocialPrescribing.Testing;

/// <summary>Loopback ports for servers a test starts.</summary>
public static class FreePort
{
    /// <summary>A loopback port free right now (another process could still take it before it is bound).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
