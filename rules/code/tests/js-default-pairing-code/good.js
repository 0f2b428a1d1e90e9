'use strict';

const crypto = require('crypto');

// HomeKit forbids these codes; a list of them is no default.
const INVALID_PINS = ['000-00-000', '111-11-111', '123-45-678', '876-54-321'];
const RE_PIN = /^\d{3}-\d{2}-\d{3}$/;

function generatePin() {
  const digits = Array.from(crypto.randomBytes(8), (b) => String(b % 10)).join('');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 8)}`;
}

function ensurePin(config) {
  if (!config.bridge.pin || !RE_PIN.test(config.bridge.pin) || INVALID_PINS.includes(config.bridge.pin)) {
    config.bridge.pin = generatePin();
  }
  // A warning about the code older versions shipped compares with it; it sets nothing.
  if (config.bridge.pin === '031-45-154') console.warn('the setup code is the old default: generate one');
  return config;
}

// A GPIO pin and a phone number are not pairing codes.
const led = { pin: 17, label: 'status' };
const support = { phone: '555-12-345' };

module.exports = { ensurePin, led, support };
