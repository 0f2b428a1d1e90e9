'use strict';

const fs = require('fs');

function loadConfig(configPath) {
  const defaultBridge = {
    name: 'Bridge',
    username: 'CC:22:3D:E3:CE:30',
    // ruleid: code/js-default-pairing-code
    pin: '031-45-154',
  };
  if (!fs.existsSync(configPath)) return { bridge: defaultBridge, accessories: [] };
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  const bridge = config.bridge || defaultBridge;
  bridge.pin = bridge.pin || defaultBridge.pin;
  return config;
}

// ruleid: code/js-default-pairing-code
const DEFAULT_PIN = '123-45-987';

function accessoryCode(options) {
  // ruleid: code/js-default-pairing-code
  return options.setupCode ?? '246-80-135';
}

module.exports = { loadConfig, DEFAULT_PIN, accessoryCode };
