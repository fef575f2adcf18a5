/* udp-flood: sends COUNT UDP datagrams of 64 bytes to HOST:PORT as fast as it can (sendmmsg, 64 at a time), or at RATE
 * datagrams per second when given, for the NFLOG bench (bench/Palisade.Bench/Observe/NflogBench.cs). Run inside a
 * network namespace with ip netns exec.
 *   udp-flood HOST PORT COUNT [RATE]
 * prints: "sent=<n> errors=<e> secs=<x>"
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}

int main(int argc,char**argv){
  if(argc<4){fprintf(stderr,"usage: udp-flood HOST PORT COUNT\n");return 2;}
  struct sockaddr_in a={0}; a.sin_family=AF_INET; a.sin_port=htons(atoi(argv[2]));
  if(inet_pton(AF_INET,argv[1],&a.sin_addr)!=1){fprintf(stderr,"bad host %s\n",argv[1]);return 2;}
  long count=atol(argv[3]),sent=0,errors=0;
  double rate=argc>4?atof(argv[4]):0;
  int s=socket(AF_INET,SOCK_DGRAM,0);
  if(s<0||connect(s,(void*)&a,sizeof a)){perror("socket/connect");return 1;}
  static char payload[64]; struct iovec iov={payload,sizeof payload}; struct mmsghdr m[BATCH];
  memset(m,0,sizeof m);
  for(int i=0;i<BATCH;i++){m[i].msg_hdr.msg_iov=&iov;m[i].msg_hdr.msg_iovlen=1;}
  double t0=now();
  while(sent<count){
    int want=count-sent<BATCH?(int)(count-sent):BATCH;
    int n=sendmmsg(s,m,want,0);
    if(n<0){errors++;sent++;continue;}
    sent+=n;
    if(rate>0){double ahead=t0+sent/rate-now(); if(ahead>0){struct timespec w={0,(long)(ahead*1e9)}; nanosleep(&w,NULL);}}   /* paced */
  }
  printf("sent=%ld errors=%ld secs=%.3f\n",sent,errors,now()-t0);
  close(s);
  return 0;
}
