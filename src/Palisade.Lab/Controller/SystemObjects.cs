using Palisade.Policy.Loading;

namespace Palisade.Lab.Controller;

/// <summary>
/// What every lab has before anything is applied, as a fresh cluster does: the kube-system namespace with a CoreDNS
/// Deployment (its pods are served by the lab's DNS server) and the kube-dns Service at the service range's tenth
/// address (10.96.0.10 by default), which every pod's resolv.conf names.
/// </summary>
internal static class SystemObjects
{
    public static IReadOnlyList<ManifestObject> For(string dnsAddress) => ManifestObjects.Split([new ManifestInput("<lab system objects>", Yaml(dnsAddress))]);

    private static string Yaml(string dnsAddress) => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kube-system
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: default
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: kube-system
          labels:
            k8s-app: kube-dns
        spec:
          replicas: 1
          selector:
            matchLabels:
              k8s-app: kube-dns
          template:
            metadata:
              labels:
                k8s-app: kube-dns
            spec:
              containers:
              - name: coredns
                image: registry.k8s.io/coredns/coredns:v1.11.1
                ports:
                - name: dns
                  containerPort: 53
                  protocol: UDP
                - name: dns-tcp
                  containerPort: 53
                  protocol: TCP
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: kube-dns
          namespace: kube-system
          labels:
            k8s-app: kube-dns
        spec:
          clusterIP: {{dnsAddress}}
          selector:
            k8s-app: kube-dns
          ports:
          - name: dns
            port: 53
            protocol: UDP
            targetPort: 53
          - name: dns-tcp
            port: 53
            protocol: TCP
            targetPort: 53
        """;
}
