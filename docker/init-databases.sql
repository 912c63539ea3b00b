-- One database per service: services never read each other's tables.
create database members;
create database actions;
create database mentoring;
create database notifier;
